"""The Hadoop FileSystem of the target and the S3 source, reached through Spark's JVM (py4j): one API for
s3a://, hdfs:// and file:// paths."""
from __future__ import annotations

import os
import tempfile
from typing import Optional
from urllib.parse import urlsplit


def is_hidden(name: str) -> bool:
    """Spark's rule for names its file sources skip: leading '.', or leading '_' unless a partition (k=v)."""
    return name.startswith(".") or (name.startswith("_") and "=" not in name)


class HadoopFS:
    """The Hadoop FileSystem of a URI, through py4j."""

    def __init__(self, spark, uri: str):
        self._jvm = spark._jvm
        self._gateway = spark.sparkContext._gateway
        self._conf = spark._jsc.hadoopConfiguration()
        self.fs = self.path(uri).getFileSystem(self._conf)

    def path(self, uri: str):
        return self._jvm.org.apache.hadoop.fs.Path(uri)

    def exists(self, uri: str) -> bool:
        return bool(self.fs.exists(self.path(uri)))

    def delete(self, uri: str) -> None:
        p = self.path(uri)
        if self.fs.exists(p):
            self.fs.delete(p, True)

    def list_names(self, uri: str) -> list:
        p = self.path(uri)
        if not self.fs.exists(p):
            return []
        return [str(st.getPath().getName()) for st in self.fs.listStatus(p)]

    def data_files(self, uri: str) -> list:
        """(path, length) of the files below uri that a reader would read (no _ or . names)."""
        out = []
        root = urlsplit(uri).path.rstrip("/")
        it = self.fs.listFiles(self.path(uri), True)
        while it.hasNext():
            st = it.next()
            full = str(st.getPath().toUri().getPath())
            rel = full[len(root):] if full.startswith(root) else full.rsplit("/", 1)[-1]
            if any(is_hidden(part) for part in rel.split("/") if part):
                continue
            out.append((str(st.getPath()), int(st.getLen())))
        return out

    def rename(self, src: str, dst: str) -> bool:
        parent = self.path(dst).getParent()
        if parent is not None and not self.fs.exists(parent):
            self.fs.mkdirs(parent)
        return bool(self.fs.rename(self.path(src), self.path(dst)))

    def write_text(self, uri: str, text: str) -> None:
        out = self.fs.create(self.path(uri), True)
        try:
            out.write(bytearray(text.encode("utf-8")))
        finally:
            out.close()

    def read_text(self, uri: str) -> Optional[str]:
        p = self.path(uri)
        if not self.fs.exists(p):
            return None
        stream = self.fs.open(p)
        try:
            return self._jvm.org.apache.commons.io.IOUtils.toString(stream, "UTF-8")
        finally:
            stream.close()

    def mkdirs(self, uri: str) -> None:
        self.fs.mkdirs(self.path(uri))

    def replace_text(self, uri: str, text: str) -> None:
        """Replaces a small file so that a reader sees the old content or the new one, never a mix or nothing:
        an S3 PUT is atomic; a local file is replaced by rename(2); HDFS renames over it with FileContext's
        OVERWRITE (FileSystem.rename refuses an existing destination)."""
        scheme = urlsplit(uri).scheme
        if scheme == "s3a":
            self.write_text(uri, text)
            return
        if scheme == "file":
            local = urlsplit(uri).path
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=os.path.dirname(local))
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(tmp, local)
            return
        parent = self.path(uri).getParent()
        tmp = f"{parent.toString()}/.tmp-{os.getpid()}-{self.path(uri).getName()}"
        self.write_text(tmp, text)
        jvm = self._jvm
        rename = jvm.org.apache.hadoop.fs.Options.Rename
        options = self._gateway.new_array(rename, 1)
        options[0] = rename.OVERWRITE
        context = jvm.org.apache.hadoop.fs.FileContext.getFileContext(self.path(uri).toUri(), self._conf)
        context.rename(self.path(tmp), self.path(uri), options)
