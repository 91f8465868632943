"""jirei.parallel: the same results, in order, and the same errors as computing in-process."""

from __future__ import annotations

import os
import threading

import pytest

from jirei.parallel import (
    BackgroundMap,
    calls_in_background,
    chunks,
    parallel_calls,
    parallel_map,
    usable_cores,
)

PARENT = os.getpid()
two_cores = pytest.mark.skipif(usable_cores() < 2, reason="needs fork and two cores")


def test_results_in_order_from_workers_with_large_results() -> None:
    def work(number: int) -> tuple[int, str, int]:
        return number * number, "ページ" * 100_000, os.getpid()

    results = parallel_map(work, range(20))
    assert [(square, text) for square, text, _ in results] == [(n * n, "ページ" * 100_000) for n in range(20)]
    if usable_cores() > 1:
        assert {pid for *_, pid in results} - {PARENT}, "no item was computed by a worker"


@two_cores
def test_an_item_that_fails_in_a_worker_raises_from_this_process() -> None:
    def work(number: int) -> int:
        if number == 3:
            raise ValueError(f"item {number} in {'parent' if os.getpid() == PARENT else 'worker'}")
        return number

    with pytest.raises(ValueError, match="item 3 in parent"):
        parallel_map(work, range(6))


@two_cores
def test_a_worker_that_dies_is_replaced_by_this_process() -> None:
    def work(number: int) -> int:
        if os.getpid() != PARENT:
            os._exit(1)
        return number + 1

    assert parallel_map(work, range(5)) == [1, 2, 3, 4, 5]


def test_no_process_can_be_forked(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> int:
        raise BlockingIOError("Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refuse)
    assert parallel_map(lambda n: (n, os.getpid()), range(4)) == [(n, PARENT) for n in range(4)]


def test_no_workers_while_other_threads_run() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert usable_cores() == 1
        assert parallel_map(lambda _: os.getpid(), range(4)) == [PARENT] * 4
    finally:
        stop.set()
        thread.join()


def test_the_caller_works_meanwhile_and_calls_keep_their_order() -> None:
    with BackgroundMap(lambda n: n * 2, range(10)) as pending:
        meanwhile = sum(range(1000))
        assert pending.results() == [n * 2 for n in range(10)]
    assert meanwhile == 499500
    assert parallel_calls([lambda: "a", lambda: "b"]) == ["a", "b"]


def test_calls_in_background_raise_where_their_results_are_asked_for() -> None:
    def fails() -> int:
        raise ValueError("raised " + ("here" if os.getpid() == PARENT else "in a worker"))

    threads = threading.active_count()
    with calls_in_background([lambda: 1, fails, lambda: 3]) as pending:
        pending.wait()
    assert threading.active_count() == threads  # the pool's threads are gone
    assert pending.result(2) == 3 and pending.result(0) == 1
    with pytest.raises(ValueError, match="raised here"):
        pending.result(1)


def test_chunks_cover_the_items_in_order() -> None:
    items = list(range(10))
    assert chunks(items, 4) == [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]  # 3 runs of at most 4
    assert chunks(items, 1) == [[n] for n in items]
    assert chunks(items, 10) == chunks(items, 20) == [items]
    assert chunks([], 4) == []
