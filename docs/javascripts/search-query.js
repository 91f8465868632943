// jirei site search, part 1: what a query means. Reads data/places.json (places, wards,
// romaji, the synonym dictionary of data/search/synonyms.yml, stopwords, variant kanji,
// themes; written by src/jirei/site/search_keys.py) and turns a query into
//   places   — municipalities and prefectures it names (by name, reading, romaji, ward,
//              code, old or variant kanji), and
//   concepts — the words to look up in Pagefind, each with its alternatives (a synonym's
//              term and index key, a place's name); search.js ranks pages by how many
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

  // Modified Hepburn as stored in places.json: long vowels shortened, letters only.
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
    for (const [pref, name, reading, code, romaji] of raw.prefectures || []) {
      prefName[pref] = name;
      places.push({ path: `prefectures/${pref}/`, full: name, name, reading, code, romaji, keys: [name, reading, code] });
    }
    for (const [code, name, reading, other, romaji] of raw.municipalities || []) {
      const full = (prefName[code.slice(0, 2)] || "") + name;
      places.push({ path: `municipalities/${code}/`, full, name, reading, code, romaji, keys: [full, name, reading, code, ...other] });
    }
    const exact = new Map();
    const looseKeys = new Map();
    const romaji = new Map();
    const byCode = new Map();
    for (const place of places) {
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
    for (const [ward, reading, cityCode] of raw.wards || []) {
      const city = byCode.get(cityCode);
      if (!city) continue;
      const bare = ward.slice(city.name.length);
      for (const key of [ward, reading, bare, (prefName[cityCode.slice(0, 2)] || "") + ward]) {
        push(exact, normalize(key), city);
        push(looseKeys, loose(normalize(key)), city);
      }
    }
    const synonyms = new Map();
    for (const [term, aliases, key] of raw.synonyms || []) {
      for (const word of [term, ...aliases]) synonyms.set(normalize(word), { term, aliases, key });
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
        const group = data.synonyms.get(word);
        // The term ranks the pages that use it; the key (added at index time to every page
        // with the term or an alias) finds the rest.
        // The typed alias itself ranks the pages that use the reader's own word (電子マネー).
        const typed = text.slice(i, i + word.length);
        const queries = normalize(typed) === normalize(group.term) ? [group.term] : [group.term, typed];
        concepts.push({ label: group.term, queries, key: group.key, words: [group.term, ...group.aliases] });
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
    const candidates = new Set([...data.themes, ...[...data.synonyms.values()].map((g) => g.term)]);
    return [...candidates]
      .map((word) => ({ word, score: similarity(query, word), theme: data.themes.includes(word) }))
      .filter((c) => c.score >= 0.2 && normalize(c.word) !== normalize(query))
      .sort((a, b) => b.score - a.score || a.word.length - b.word.length)
      .slice(0, limit);
  }

  window.jireiSearchQuery = { normalize, prepare, analyze, suggest, exactPlaces };
})();
