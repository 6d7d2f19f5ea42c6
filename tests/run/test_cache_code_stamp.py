"""The result cache's key covers the code and data that make the findings, not only the version:
an edited rule module (a plugin updated in place, an editable install) or data file is a miss."""

from __future__ import annotations

import importlib.util
import os
import sys

from reportlint.run import cache


def _rule_from(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module.Rule


def test_editing_a_rule_module_changes_the_run_fingerprint(tmp_path):
    plugin = tmp_path / "stamp_plugin.py"
    plugin.write_text("class Rule:\n    code = 'XX001'\n", encoding="utf-8")
    rules = {"XX001": _rule_from(plugin, "stamp_plugin")}
    before = cache.run_fingerprint(rules, [("stamp", "1.0")])
    assert cache.run_fingerprint(rules, [("stamp", "1.0")]) == before  # stable while nothing changes
    plugin.write_text("class Rule:\n    code = 'XX001'  # changed\n", encoding="utf-8")
    assert cache.run_fingerprint(rules, [("stamp", "1.0")]) != before  # same version, new code


def test_touching_bundled_data_changes_the_run_fingerprint(tmp_path):
    from reportlint.config.resources import data_dir

    data = data_dir("rulesets") / "data" / "doctypes.yaml"
    before = cache.run_fingerprint({}, [])
    st = data.stat()
    try:
        os.utime(data, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        assert cache.run_fingerprint({}, []) != before
    finally:
        os.utime(data, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert cache.run_fingerprint({}, []) == before
