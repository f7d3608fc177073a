"""monitor/archive/manifest.py: what an import accepts as an archive's manifest."""

import json

import pytest

from monitor.archive.lines import ArchiveError
from monitor.archive.manifest import FORMAT_VERSION, Manifest, Table, manifest_read


def written(tmp_path, **changes):
    manifest = Manifest(monitor_version="0.1.0", created_at="2026-12-01T09:00:00+00:00",
                        migrations={"articles": ["0001_initial"]},
                        tables=[Table(model="articles.topic", file="001.jsonl", fields=["id"])])  # fmt: skip
    manifest.write(tmp_path)
    if changes:
        data = json.loads((tmp_path / "manifest.json").read_text())
        (tmp_path / "manifest.json").write_text(json.dumps(data | changes))
    return tmp_path


def test_a_manifest_reads_back_as_written(tmp_path):
    manifest = manifest_read(written(tmp_path))
    assert manifest.format_version == FORMAT_VERSION
    assert manifest.tables[0].model == "articles.topic"


def test_a_folder_without_a_manifest_is_not_an_archive(tmp_path):
    with pytest.raises(ArchiveError, match="not a Monitor archive"):
        manifest_read(tmp_path)


def test_a_newer_format_is_refused_saying_so(tmp_path):
    with pytest.raises(ArchiveError, match=f"format {FORMAT_VERSION + 1}, made by a newer Monitor"):
        manifest_read(written(tmp_path, format_version=FORMAT_VERSION + 1))


@pytest.mark.parametrize("version", [0, "1", None])
def test_an_unknown_format_version_is_refused(tmp_path, version):
    with pytest.raises(ArchiveError, match="unknown format version"):
        manifest_read(written(tmp_path, format_version=version))


def test_another_kind_of_file_is_refused(tmp_path):
    with pytest.raises(ArchiveError, match="not the manifest of a Monitor archive"):
        manifest_read(written(tmp_path, format="something-else"))


def test_a_damaged_manifest_is_refused(tmp_path):
    (tmp_path / "manifest.json").write_text('{"format": "monitor-archive", "format_ver')
    with pytest.raises(ArchiveError, match="cannot be read"):
        manifest_read(tmp_path)
