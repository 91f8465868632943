// jirei site search, part 1: what a query means. Reads data/places.json (places, wards,
// romaji, the synonym dictionary of data/search/synonyms.yml, stopwords, variant kanji,
// themes; written by src/jirei/site/search_keys.py) and turns a query into
//   places   — municipalities and prefectures it names (by name, reading, romaji, ward,
//              code, old or variant kanji), and
//   concepts — what to look up in Pagefind, each with its alternatives (a synonym group's
//              index keys, a place's names, a word); search.js ranks pages by how many
//              concepts they match.
// Single characters and particles are dropped (issue #16). No network, no DOM.
(() => {
  "use strict";

  const WORD_SEGMENTER = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("ja", { granularity: "word" }) : null;
  const ROMAJI_SUFFIX = /(shi|cho|machi|son|mura|ku|ken|fu|to)$/;
  const HIRAGANA_ONLY = /^[\u3041-\u309f]+$/;
  const KANJI_HEAD = /^([\u3400-\u9fff\uf900-\ufaff々]+)[\u3041-\u309f]+$/;

  // NFKC, lower case, no spaces, katakana → hiragana: the form every key is compared in.
  function normalize(text) {
    return text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/\s+/g, "")
      .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
  }

  // Modified Hepburn of a hiragana reading, long vowels shortened (みやこのじょう → miyakonojo):
  // romaji is generated here from the readings of data/reference rather than shipped.
  const KANA = [..."あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわゐゑをんがぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽゔぁぃぅぇぉ"];
  const ROMA = ("a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho ma mi mu me mo " +
    "ya yu yo ra ri ru re ro wa i e o n ga gi gu ge go za ji zu ze zo da ji zu de do ba bi bu be bo pa pi pu pe po vu a i u e o").split(" ");
  const SMALL_Y = { ゃ: "a", ゅ: "u", ょ: "o" };
  const DIGRAPH = { し: "sh", ち: "ch", じ: "j", ぢ: "j" };
  const KIND_READING = { 市: ["し"], 区: ["く"], 町: ["ちょう", "まち"], 村: ["そん", "むら"], 県: ["けん"], 府: ["ふ"], 都: ["と"] };

  function hepburn(reading) {
    const kana = [...reading];
    let out = "";
    let double = false;
    kana.forEach((c, i) => {
      if (c === "っ") return void (double = true);
      if (SMALL_Y[c]) return;
      if (c === "ー") return void (out += out.slice(-1));
      let syllable = ROMA[KANA.indexOf(c)] || "";
      if (SMALL_Y[kana[i + 1]] && syllable) syllable = (DIGRAPH[c] || syllable.slice(0, -1) + "y") + SMALL_Y[kana[i + 1]];
      if (double && syllable) syllable = (syllable.startsWith("ch") ? "t" : syllable[0]) + syllable;
      double = false;
      out += syllable;
    });
    return out.replace(/ou|oo/g, "o").replace(/uu/g, "u");
  }

  // The romaji key of a place: its reading without the kind (都城市 みやこのじょう|し → miyakonojo).
  function placeRomaji(name, reading) {
    const suffix = (KIND_READING[name.slice(-1)] || []).find((s) => reading.endsWith(s) && reading.length > s.length);
    return hepburn(suffix ? reading.slice(0, -suffix.length) : reading);
  }

  // A romaji query as keys to look up: letters only, long vowels shortened, with and without a
  // trailing kind (Miyakonojo-shi → miyakonojoshi, miyakonojo).
  function romajiKeys(text) {
    if (!/^[a-z][a-z\s\-'’.]*$/i.test(text)) return [];
    const key = text.toLowerCase().replace(/[^a-z]/g, "").replace(/ou|oo/g, "o").replace(/uu/g, "u");
    const stem = key.replace(ROMAJI_SUFFIX, "");
    return stem && stem !== key ? [key, stem] : [key];
  }

  function push(map, key, value) {
    if (!key) return;
    const list = map.get(key);
    if (list) {
      if (!list.includes(value)) list.push(value);
    } else map.set(key, [value]);
  }

  // places.json → lookup tables, once per page.
  function prepare(raw) {
    const variants = new Map(Object.entries(raw.variants || {}).map(([from, to]) => [normalize(from), normalize(to)]));
    const loose = (key) => [...key].map((c) => variants.get(c) || c).join("");
    const places = [];
    const prefName = {};
    for (const [pref, name, reading, code] of raw.prefectures || []) {
      prefName[pref] = name;
      places.push({ path: `prefectures/${pref}/`, full: name, name, reading, code, keys: [name, reading, code] });
    }
    for (const [code, name, reading, other] of raw.municipalities || []) {
      const full = (prefName[code.slice(0, 2)] || "") + name;
      places.push({ path: `municipalities/${code}/`, full, name, reading, code, keys: [full, name, reading, code, ...other] });
    }
    const exact = new Map();
    const looseKeys = new Map();
    const romaji = new Map();
    const byCode = new Map();
    for (const place of places) {
      place.romaji = placeRomaji(place.name, place.reading);
      place.nameKey = normalize(place.name);
      place.readingKey = normalize(place.reading);
      byCode.set(place.code, place);
      for (const key of place.keys) {
        push(exact, normalize(key), place);
        push(looseKeys, loose(normalize(key)), place);
      }
      push(romaji, place.romaji, place);
    }
    // Wards lead to their city: 横浜市中区, よこはましなかく, and the bare 中区 (every city that has one).
    for (const [bare, bareReading, cityCode] of raw.wards || []) {
      const city = byCode.get(cityCode);
      if (!city) continue;
      const ward = city.name + bare;
      for (const key of [ward, city.reading + bareReading, bare, city.full + bare]) {
        push(exact, normalize(key), city);
        push(looseKeys, loose(normalize(key)), city);
      }
    }
    const synonyms = new Map();
    for (const [term, aliases, queryOnly, key, wordKeys] of raw.synonyms || []) {
      const group = { term, words: [term, ...aliases, ...queryOnly], key };
      [term, ...aliases].forEach((word, i) => synonyms.set(normalize(word), { group, wordKey: wordKeys[i] }));
      for (const alias of queryOnly) synonyms.set(normalize(alias), { group });
    }
    const words = [...synonyms.keys()].sort((a, b) => b.length - a.length);
    return { places, exact, loose, looseKeys, romaji, synonyms, words, stopwords: new Set(raw.stopwords || []), themes: raw.themes || [] };
  }

  // Places a whole term names exactly: name, reading, code, published spelling or ward;
  // then the same with old and variant kanji made common (竜ケ崎市 = 龍ケ崎市); then romaji.
  function exactPlaces(term, data) {
    const key = normalize(term);
    if (!key) return [];
    const found = data.exact.get(key) || data.looseKeys.get(data.loose(key));
    if (found) return found;
    for (const romaji of romajiKeys(term)) {
      const hit = data.romaji.get(romaji);
      if (hit) return hit;
    }
    return [];
  }

  // Names and readings that start with the term (from two characters on), shortest first.
  function prefixPlaces(term, data) {
    const key = normalize(term);
    if (key.length < 2) return [];
    const hits = data.places.filter((p) => p.nameKey.startsWith(key) || p.readingKey.startsWith(key));
    return hits.sort((a, b) => a.nameKey.length - b.nameKey.length || (a.code < b.code ? -1 : 1));
  }

  // A segment that carries meaning: not one character, not a particle; 手伝っ → 手伝.
  function contentWord(segment, data) {
    if ([...segment].length < 2) return null;
    if (HIRAGANA_ONLY.test(segment) && (data.stopwords.has(segment) || segment.length < 3)) return null;
    const head = KANJI_HEAD.exec(segment);
    return head && head[1].length >= 2 ? head[1] : segment;
  }

  function segments(text) {
    if (!WORD_SEGMENTER) return text.split(/\s+/);
    return [...WORD_SEGMENTER.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
  }

  // One whitespace-separated term → concepts: dictionary words by longest match, the rest
  // split by Intl.Segmenter (as Pagefind would) and kept if they carry meaning.
  function termConcepts(term, data) {
    const text = term.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
    const key = normalize(text);
    const concepts = [];
    let rest = "";
    const flush = () => {
      for (const segment of segments(rest)) {
        const word = contentWord(segment, data);
        if (word) concepts.push({ label: word, queries: [word], words: [word] });
      }
      rest = "";
    };
    // Keys drop spaces and fold katakana, so walk the key and keep the typed text for the rest.
    for (let i = 0; i < key.length; ) {
      const word = data.words.find((w) => key.startsWith(w, i));
      if (word) {
        flush();
        // Looked up by the index keys (src/jirei/search/index_terms.py): the group's, on every
        // page with the term or an alias, and the typed word's, which ranks the pages that use
        // the reader's own word (電子マネー, or the term itself) higher.
        const { group, wordKey } = data.synonyms.get(word);
        const queries = wordKey ? [group.key, wordKey] : [group.key];
        concepts.push({ label: group.term, queries, words: group.words });
        i += word.length;
      } else {
        rest += text[i]; // normalize() maps one code unit to one, so text[i] is what was typed
        i += 1;
      }
    }
    flush();
    return concepts;
  }

  // The whole analysis of a query: {places, concepts, dropped}.
  function analyze(query, data) {
    const terms = query.normalize("NFKC").trim().split(/\s+/).filter(Boolean);
    const places = [];
    const concepts = [];
    for (const term of terms) {
      const named = exactPlaces(term, data);
      if (named.length) {
        places.push(...named);
        const names = [...new Set(named.map((p) => p.name))];
        concepts.push({ label: names.join("・"), queries: names, words: [term, ...names] });
        continue;
      }
      // A particle or a single character names no place (から is not 唐津市).
      const found = termConcepts(term, data);
      if (found.length) places.push(...prefixPlaces(term, data));
      concepts.push(...found);
    }
    const seen = new Set();
    return {
      places: [...new Set(places)],
      concepts: concepts.filter((c) => (seen.has(c.label) ? false : seen.add(c.label))),
    };
  }

  // Character bigrams' Dice similarity, for 「もしかして」 when nothing is found.
  function bigrams(text) {
    const key = normalize(text);
    const grams = new Set();
    for (let i = 0; i < key.length - 1; i++) grams.add(key.slice(i, i + 2));
    if (key.length === 1) grams.add(key);
    return grams;
  }

  function similarity(a, b) {
    const x = bigrams(a);
    const y = bigrams(b);
    let shared = 0;
    for (const gram of x) if (y.has(gram)) shared++;
    return x.size + y.size ? (2 * shared) / (x.size + y.size) : 0;
  }

  // The dictionary terms and themes nearest to the query, best first.
  function suggest(query, data, limit = 4) {
    const candidates = new Set([...data.themes, ...[...data.synonyms.values()].map((s) => s.group.term)]);
    return [...candidates]
      .map((word) => ({ word, score: similarity(query, word), theme: data.themes.includes(word) }))
      .filter((c) => c.score >= 0.2 && normalize(c.word) !== normalize(query))
      .sort((a, b) => b.score - a.score || a.word.length - b.word.length)
      .slice(0, limit);
  }

  window.jireiSearchQuery = { normalize, prepare, analyze, suggest, exactPlaces };
})();
