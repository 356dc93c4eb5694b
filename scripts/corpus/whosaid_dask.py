#!/usr/bin/env python3
"""Runs `whosaid extract --jsonl` over a JSON Lines corpus on a Dask distributed cluster.

    python3 whosaid_dask.py IN.jsonl OUT.jsonl [--scheduler tcp://HOST:8786] [--workers N]

The corpus is cut into partitions of consecutive lines. Each partition is one Dask task: the worker
that runs it streams the lines through a long-lived `node bin/whosaid.js extract --jsonl` process of
its own (one per worker thread, started on first use and kept for the rest of the run), so Node starts
once per worker, not once per article. Results are written to OUT.jsonl in input order, so OUT.jsonl is
byte for byte what one `whosaid extract --jsonl < IN.jsonl` writes on its stdout.

Failures cost only themselves, as in the CLI: a line the CLI refuses (not JSON, no "text", not UTF-8...)
or an article it fails on is reported on stderr as `whosaid corpus: line N: <the CLI's reason>` (N
counted in IN.jsonl from 1), writes nothing to OUT.jsonl, and the run goes on; the exit status is then
1. If the whosaid process dies or hangs on an article, that article is reported with its line and id
and a fresh process takes the next one. If a worker is lost mid-run (machine gone, process killed), the
scheduler runs the partitions it held again on the workers left (Dask's `allowed-failures`, 3 by
default, per partition); a partition that still cannot be run has each of its lines reported.

With no --scheduler, a local cluster of --workers processes (one thread each) is started and closed.
With --scheduler, the workers of that cluster are used: each needs node on its PATH and the repository
built at the path given by --whosaid (by default this repository's bin/whosaid.js).
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from typing import Iterator

from distributed import Client, KilledWorker, LocalCluster, WorkerPlugin, get_worker

PROGRAM = 'whosaid corpus'
DEFAULT_WHOSAID = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'bin', 'whosaid.js'))

# The CLI skips a line that is empty once JavaScript's String.prototype.trim has run on it, answering
# nothing; a line it would skip must not be sent, or its answer would be waited for in vain. This is
# trim's set (ECMAScript WhiteSpace and LineTerminator), which is not Python's str.isspace.
JS_WHITESPACE = frozenset('\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a'
                          '\u2028\u2029\u202f\u205f\u3000\ufeff')
CLI_LINE_ERROR = re.compile(r'^whosaid: stdin line (\d+): (.*)$')


def is_blank(line: bytes) -> bool:
    """True when `whosaid extract --jsonl` would skip the line without a word."""
    try:
        text = line.decode('utf-8')
    except UnicodeDecodeError:
        return False
    return all(char in JS_WHITESPACE for char in text)


def line_id(line: bytes) -> str | None:
    """The line's "id" as JSON, to name an article in a report; None when it cannot be read."""
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return json.dumps(value.get('id'), ensure_ascii=False) if isinstance(value, dict) and 'id' in value else None


class Extractor:
    """One `whosaid extract --jsonl` process, kept for as many partitions as it lives.

    The CLI answers every line it is sent, in order, with either one stdout line (the result) or one stderr
    line `whosaid: stdin line K: reason`, K counting the lines it has been sent. A partition's lines are
    written all at once (by a thread, while the answers are read), so the process never waits for the
    next article; which line each stdout answer belongs to is settled once all are in: the failed lines
    are named on stderr, and the stdout answers fill the others, in order.
    """

    def __init__(self, command: list[str]):
        # Not the article's fault, so not reported as such: the task fails, and is retried, maybe elsewhere.
        if not os.path.isfile(command[1]):
            raise FileNotFoundError(f'{command[1]} is missing on this worker ({socket.gethostname()}): '
                                    'build the repository at the same path on every worker, or give its path in --whosaid')
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.answers: queue.Queue[tuple[str, bytes]] = queue.Queue()
        self.sent = 0
        # Whatever else the process says on stderr (a crash's stack trace), to explain its death.
        self.other_stderr: collections.deque[str] = collections.deque(maxlen=5)
        for name, stream in (('out', self.process.stdout), ('err', self.process.stderr)):
            threading.Thread(target=self._read, args=(name, stream), daemon=True).start()

    def _read(self, name: str, stream) -> None:
        for line in stream:
            self.answers.put((name, line.rstrip(b'\n')))
        self.answers.put(('eof', b''))

    def _write(self, lines: list[bytes]) -> None:
        try:
            for line in lines:
                self.process.stdin.write(line + b'\n')
            self.process.stdin.flush()
        except (OSError, ValueError):  # the process is gone: the reading side finds out and says why
            pass

    def extract(self, lines: list[bytes], timeout: float) -> tuple[list[tuple[bool, bytes | str]], str | None]:
        """The answers, in order, to a prefix of `lines`: (True, output line) or (False, the CLI's reason).
        The prefix is all of them, unless the process died on the line after it, or gave no answer for
        `timeout` seconds; then the second value says which, and this Extractor is finished."""
        base = self.sent
        self.sent += len(lines)
        writer = threading.Thread(target=self._write, args=(lines,), daemon=True)
        writer.start()
        outputs: list[bytes] = []
        failed: dict[int, str] = {}
        death = None
        open_streams = 2
        while open_streams and (death or len(outputs) + len(failed) < len(lines)):
            try:
                kind, answer = self.answers.get(timeout=timeout)
            except queue.Empty:
                # Stopped, then read to the end like a death, so that every answer it did give is counted.
                self.process.kill()
                death = f'no answer after {timeout:g} s; the whosaid process was stopped'
                continue
            if kind == 'out':
                outputs.append(answer)
            elif kind == 'err':
                message = answer.decode('utf-8', 'replace')
                match = CLI_LINE_ERROR.match(message)
                if match and base < int(match.group(1)) <= base + len(lines):
                    failed[int(match.group(1)) - base - 1] = match.group(2)
                elif message.strip():
                    self.other_stderr.append(message.strip())
            else:
                open_streams -= 1
                death = death or self._death()
        writer.join()
        in_order = iter(outputs)
        answers = [(False, failed[index]) if index in failed else (True, next(in_order))
                   for index in range(len(outputs) + len(failed))]
        return answers, death

    def _death(self) -> str:
        try:
            code = self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        how = f'killed by signal {-code}' if code < 0 else f'exit status {code}'
        said = f': {" / ".join(self.other_stderr)}' if self.other_stderr else ''
        return f'the whosaid process died on it ({how}){said}'

    def alive(self) -> bool:
        return self.process.poll() is None

    def close(self) -> None:
        """End of input: the CLI finishes and exits by itself."""
        try:
            self.process.stdin.close()
            self.process.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()


class Extractors(WorkerPlugin):
    """The whosaid processes of one worker, one per task running at once, kept from task to task.

    Registered on every worker of the cluster (and on any worker that joins later, a restarted one
    included); unregistering it at the end of the run closes its processes on every worker.
    """

    def __init__(self, name: str, command: list[str]):
        self.name = name
        self.command = command

    def setup(self, worker) -> None:
        self.idle: list[Extractor] = []
        self.lock = threading.Lock()

    def take(self) -> Extractor:
        with self.lock:
            while self.idle:
                extractor = self.idle.pop()
                if extractor.alive():
                    return extractor
        return Extractor(self.command)

    def give_back(self, extractor: Extractor) -> None:
        if not extractor.alive():
            return
        with self.lock:
            self.idle.append(extractor)

    def teardown(self, worker) -> None:
        with self.lock:
            idle, self.idle = self.idle, []
        for extractor in idle:
            extractor.close()


def extract_partition(plugin_name: str, first_line: int, lines: list[bytes], article_timeout: float) -> dict:
    """The Dask task: a partition's lines through this worker's whosaid process.

    Returns the output lines in order, and the failures as (line number, reason).
    """
    extractors: Extractors = get_worker().plugins[plugin_name]
    # Lines the CLI would skip without an answer are not sent; the others keep their line numbers.
    pending = [(number, line) for number, line in enumerate(lines, first_line) if not is_blank(line)]
    outputs: list[bytes] = []
    failures: list[tuple[int, str]] = []
    while pending:
        extractor = extractors.take()
        answers, death = extractor.extract([line for _, line in pending], article_timeout)
        for (number, _), (succeeded, answer) in zip(pending, answers):
            if succeeded:
                outputs.append(answer)
            else:
                failures.append((number, answer))
        pending = pending[len(answers):]
        if death is None:
            extractors.give_back(extractor)
            break
        # The line it died on is reported; a fresh process takes the rest.
        number, line = pending.pop(0)
        article = line_id(line)
        failures.append((number, f'id {article}: {death}' if article else death))
    return {'outputs': outputs, 'failures': failures}


def read_partitions(path: str, size: int) -> Iterator[tuple[int, list[bytes]]]:
    """(number of the first line, the lines) for each run of `size` lines, read as bytes and split at
    \\n exactly as the CLI splits its stdin (a \\r before the \\n is the CLI's to drop)."""
    with open(path, 'rb') as corpus:
        first, lines = 1, []
        for number, line in enumerate(corpus, 1):
            lines.append(line[:-1] if line.endswith(b'\n') else line)
            if len(lines) == size:
                yield first, lines
                first, lines = number + 1, []
        if lines:
            yield first, lines


def report(message: str) -> None:
    print(f'{PROGRAM}: {message}', file=sys.stderr, flush=True)


def total_threads(client: Client) -> int:
    return sum(client.nthreads().values())


def run(client: Client, args: argparse.Namespace) -> int:
    """Submits the partitions (a bounded number at a time, so neither the corpus nor its results are
    held whole in memory), writes results in input order as they come; returns the failure count."""
    command = ['node', args.whosaid, 'extract', '--jsonl']
    plugin_name = f'whosaid-extract-{uuid.uuid4().hex}'
    register = getattr(client, 'register_plugin', None) or client.register_worker_plugin
    register(Extractors(plugin_name, command), name=plugin_name)
    workers_at_start = set(client.scheduler_info()['workers'])
    started = time.monotonic()
    in_flight: collections.deque = collections.deque()
    partitions = read_partitions(args.input, args.partition_lines)
    window = submitted = articles = failed = recount_at = 0
    done_reading = False
    last_progress = started
    try:
        with open(args.output, 'wb') as output:
            while True:
                # Enough partitions queued to keep every thread busy while the oldest is awaited; the
                # count of threads is looked at again now and then, for clusters that grow or shrink.
                if submitted >= recount_at:
                    window = max(4 * total_threads(client), 8)
                    recount_at = submitted + window
                while not done_reading and len(in_flight) < window:
                    try:
                        first, lines = next(partitions)
                    except StopIteration:
                        done_reading = True
                        break
                    future = client.submit(extract_partition, plugin_name, first, lines, args.article_timeout,
                                           key=f'whosaid-lines-{first}-{plugin_name}', retries=args.retries, pure=False)
                    in_flight.append((first, len(lines), future))
                    submitted += 1
                if not in_flight:
                    break
                first, count, future = in_flight.popleft()
                try:
                    result = future.result()
                except Exception as error:  # the partition could not be run at all: each of its lines is reported
                    why = ('the workers running it died each time (Dask\'s distributed.scheduler.allowed-failures)'
                           if isinstance(error, KilledWorker) else f'{type(error).__name__}: {error}')
                    for number in range(first, first + count):
                        report(f'line {number}: not analysed, its partition (lines {first}-{first + count - 1}) failed: {why}')
                    failed += count
                    continue
                finally:
                    future.release()
                for line in result['outputs']:
                    output.write(line + b'\n')
                output.flush()
                articles += len(result['outputs'])
                for number, reason in result['failures']:
                    report(f'line {number}: {reason}')
                failed += len(result['failures'])
                if time.monotonic() - last_progress >= args.progress_seconds:
                    last_progress = time.monotonic()
                    report(f'{articles} articles written, up to line {first + count - 1}, '
                           f'{articles / (last_progress - started):.1f} articles/s')
    finally:
        try:
            client.unregister_worker_plugin(plugin_name)
        except Exception as error:
            report(f'could not close the whosaid processes on the workers: {error!r}')
    elapsed = time.monotonic() - started
    lost = workers_at_start - set(client.scheduler_info()['workers'])
    if lost:
        report(f'{len(lost)} worker(s) left during the run ({", ".join(sorted(lost))}); the partitions they held were scheduled again')
    report(f'{articles} articles in {elapsed:.2f} s ({articles / elapsed:.2f} articles/s) on {len(workers_at_start)} workers, '
           f'{failed} line(s) failed')
    return failed


def describe_workers(client: Client) -> str:
    pids = client.run(os.getpid)
    if not pids:
        return 'none yet (the run starts when workers join)'
    return ', '.join(f'{address} (pid {pid})' for address, pid in sorted(pids.items()))


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog='npm run corpus --', description=__doc__.split('\n\n')[0])
    parser.add_argument('input', help='the corpus: JSON Lines, {"id", "text"} a line')
    parser.add_argument('output', help='where the results go: one {"id", "quotes"} line per article, in input order')
    parser.add_argument('--scheduler', help='address of a running Dask scheduler (tcp://HOST:8786); without it a local cluster is started')
    parser.add_argument('--workers', type=int, help='worker processes of the local cluster (default: the CPU count)')
    parser.add_argument('--partition-lines', type=int, default=25, help='corpus lines per task (default 25)')
    parser.add_argument('--whosaid', default=DEFAULT_WHOSAID, help='path of bin/whosaid.js, the same on every worker (default: this repository\'s)')
    parser.add_argument('--retries', type=int, default=2, help='times a task that raised is run again (default 2)')
    parser.add_argument('--article-timeout', type=float, default=300, help='seconds one article may take before its whosaid process is stopped (default 300)')
    parser.add_argument('--progress-seconds', type=float, default=30, help='seconds between progress lines on stderr (default 30)')
    args = parser.parse_args(argv)
    if args.scheduler and args.workers is not None:
        parser.error('--workers sizes a local cluster; with --scheduler the workers are those of that cluster')
    if args.workers is not None and args.workers < 1:
        parser.error('--workers must be at least 1')
    if args.partition_lines < 1:
        parser.error('--partition-lines must be at least 1')
    if not os.path.isfile(args.input):
        parser.error(f'{args.input}: no such file')
    args.whosaid = os.path.abspath(args.whosaid)
    if not args.scheduler and not os.path.isfile(args.whosaid):
        parser.error(f'{args.whosaid}: no such file (run "npm run build" first)')
    return args


def main(argv: list[str]) -> int:
    args = parse_arguments(argv)
    # Stopped from outside: unwind, so the local cluster's worker processes are closed, not orphaned.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    if args.scheduler:
        with Client(args.scheduler) as client:
            report(f'scheduler {args.scheduler}, workers: {describe_workers(client)}')
            return 1 if run(client, args) else 0
    workers = args.workers or os.cpu_count() or 1
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        report(f'local cluster, workers: {describe_workers(client)}')
        return 1 if run(client, args) else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
