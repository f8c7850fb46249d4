"""The inputs of an ingest run, streamed: files, folders, globs and archive members.

Nothing is listed ahead: folders are walked and archives read member by member as the
run asks for more, so a run over millions of files holds only the work in flight.
Each input is read once here, to hash its bytes: the store skips what it already holds
before any extraction.
"""

from __future__ import annotations

import functools
import glob
import hashlib
import os
import tarfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from pressfacts.errors import PressfactsError
from pressfacts.read import read_source

TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")
ARCHIVE_SUFFIXES = (".zip", *TAR_SUFFIXES)
# An archive member is stored as "<archive path>!<member name>".
MEMBER_SEPARATOR = "!"


@dataclass(frozen=True, slots=True)
class Item:
    """One input: a file or an archive member, hashed, or the reason it could not be read.

    `data` is None when the worker is to read `path` itself (a Dask worker on another
    machine reads the shared file rather than receive its bytes through the scheduler).
    """

    source: str
    name: str
    size: int = 0
    content_hash: str | None = None
    path: str | None = None
    data: bytes | None = None
    error: str | None = None


def iter_items(args: Iterable[str], *, max_bytes: int, keep_file_data: bool = True) -> Iterator[Item]:
    """Every input named by `args`, in order, read and hashed."""
    for path in iter_paths(args):
        if isinstance(path, Item):
            yield path  # a name that matched nothing
        elif is_archive(path):
            yield from archive_items(path, max_bytes=max_bytes)
        else:
            yield file_item(path, max_bytes=max_bytes, keep_data=keep_file_data)


def iter_paths(args: Iterable[str]) -> Iterator[str | Item]:
    """Files named, found under folders (recursively), or matched by globs."""
    for arg in args:
        if os.path.isdir(arg):
            yield from walk(arg)
        elif os.path.exists(arg) or not glob.has_magic(arg):
            # A missing plain path still goes on: reading it records the failure.
            yield os.path.abspath(arg)
        else:
            matched = False
            for match in glob.iglob(arg, recursive=True):
                matched = True
                yield from walk(match) if os.path.isdir(match) else [os.path.abspath(match)]
            if not matched:
                yield Item(source=arg, name=arg, error=f"{arg}: no file matches")


def walk(folder: str) -> Iterator[str]:
    """Files under `folder`, sorted within each folder; hidden files and folders skipped."""
    for root, dirs, files in os.walk(os.path.abspath(folder)):
        # Hidden entries are editor and OS litter (.DS_Store, .git), never releases.
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


def is_archive(path: str) -> bool:
    return path.lower().endswith(ARCHIVE_SUFFIXES)


def file_item(path: str, *, max_bytes: int, keep_data: bool) -> Item:
    name = os.path.basename(path)
    try:
        data = read_source(path, max_bytes)
    except PressfactsError as error:
        return Item(source=path, name=name, path=path, error=str(error))
    return Item(
        source=path,
        name=name,
        size=len(data),
        content_hash=sha256(data),
        path=path,
        data=data if keep_data else None,
    )


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def archive_items(path: str, *, max_bytes: int) -> Iterator[Item]:
    """The members of a .zip or tar archive, one at a time; a broken archive is one failure."""
    members = zip_members(path) if path.lower().endswith(".zip") else tar_members(path)
    try:
        for member, size, read in members:
            yield member_item(path, member, size, read, max_bytes=max_bytes)
    except (OSError, EOFError, tarfile.TarError, zipfile.BadZipFile) as error:
        yield Item(source=path, name=os.path.basename(path), path=path, error=f"{path}: bad archive: {error}")


# A member: its name, its size, and how to read its bytes (only called when it is wanted).
Member = tuple[str, int, Callable[[], bytes]]


def zip_members(path: str) -> Iterator[Member]:
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if not info.is_dir() and not is_litter(info.filename):
                yield info.filename, info.file_size, functools.partial(archive.read, info)


def tar_members(path: str) -> Iterator[Member]:
    # "r|*": a stream, decompressed as it is read; the archive is never unpacked to disk.
    with tarfile.open(path, mode="r|*") as archive:
        for info in archive:
            if info.isfile() and not is_litter(info.name):
                yield info.name, info.size, functools.partial(_read_tar, archive, info)


def _read_tar(archive: tarfile.TarFile, info: tarfile.TarInfo) -> bytes:
    handle = archive.extractfile(info)
    return handle.read() if handle is not None else b""


def is_litter(member: str) -> bool:
    """Hidden files and macOS resource forks (__MACOSX/) that archivers add."""
    return any(part.startswith((".", "__MACOSX")) for part in PurePosixPath(member).parts)


def member_item(archive: str, member: str, size: int, read: Callable[[], bytes], *, max_bytes: int) -> Item:
    source = f"{archive}{MEMBER_SEPARATOR}{member}"
    name = PurePosixPath(member).name
    if size > max_bytes:
        return Item(
            source, name, size, error=f"{source}: file is {size:,} bytes, over the limit of {max_bytes:,}"
        )
    data = read()
    if not data:
        return Item(source, name, error=f"{source}: file is empty")
    return Item(source, name, len(data), sha256(data), data=data)


def item_bytes(item: Item) -> int:
    """What an item weighs in flight: its bytes if it carries them."""
    return len(item.data) if item.data is not None else 0
