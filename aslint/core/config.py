"""Configuration files: ``[tool.aslint]`` in pyproject.toml or ``.aslint.yaml``, found upward from cwd."""

from __future__ import annotations

import os

from aslint.core.finding import SEVERITIES
from aslint.core.settings import ConfigError, Settings

KEYS = {
    "select": list, "extend-select": list, "ignore": list, "per-file-ignores": dict, "severity": dict,
    "rules": dict, "fail-on": str, "exclude": list, "extend-exclude": list, "extra-rules": list,
    "role-policies": dict, "account": str, "region": str, "role-arn": str,
}
FILENAMES = (".aslint.yaml", ".aslint.yml", "pyproject.toml")


def find(start: str | None = None):
    """The configuration file in ``start`` (default: the current folder) or the nearest folder
    above it, as a :class:`pathlib.Path`; None when there is none."""
    folder = os.path.realpath(start or os.getcwd())
    while True:
        for name in FILENAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                if name == "pyproject.toml" and not _has_tool_table(candidate):
                    continue
                from pathlib import Path

                return Path(candidate)
        above = os.path.dirname(folder)
        if above == folder:
            return None
        folder = above


#: a configuration file, custom rule file or custom schema larger than this is refused
MAX_CONFIG_BYTES = 1024 * 1024


def read_limited(path, what: str) -> str:
    """The UTF-8 text of a file the configuration names, or a ConfigError that names it: a FIFO,
    a device, a folder or a file over MAX_CONFIG_BYTES is refused before it is read."""
    import stat

    try:
        st = os.stat(path)
    except OSError as err:
        raise ConfigError(f"{what} {path}: cannot read it ({err.strerror or err})") from None
    if not stat.S_ISREG(st.st_mode):
        raise ConfigError(f"{what} {path}: not a regular file (a folder, FIFO or device); aslint reads only files")
    if st.st_size > MAX_CONFIG_BYTES:
        raise ConfigError(f"{what} {path}: {st.st_size:,} bytes, over the {MAX_CONFIG_BYTES // 1024:,} KiB aslint reads")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as err:
        raise ConfigError(f"{what} {path}: cannot read it ({err.strerror or err})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ConfigError(f"{what} {path}: not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); save it as UTF-8") from None


def _has_tool_table(path: Path) -> bool:
    """Whether a pyproject.toml has an aslint section (read as bytes: a file that is not UTF-8
    and has no aslint section is someone else's business)."""
    try:
        with open(path, "rb") as handle:
            return b"[tool.aslint" in handle.read(MAX_CONFIG_BYTES + 1)
    except OSError:
        return False


def read(path: Path) -> dict:
    text = read_limited(path, "configuration")
    if path.suffix == ".toml":
        try:
            import tomllib
        except ImportError:  # Python < 3.11
            import tomli as tomllib
        try:
            data = tomllib.loads(text)
        except RecursionError:
            raise ConfigError(f"{path}: the configuration nests too deeply to be read") from None
        except Exception as err:
            raise ConfigError(f"{path}: invalid TOML: {err}") from None
        data = data.get("tool", {}).get("aslint", {})
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.aslint] must be a table of settings")
        return data
    data = read_yaml(text, str(path))
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the configuration must be a mapping of settings")
    return data


def read_yaml(text: str, where: str):
    """YAML configuration through aslint's safe reader: depth and alias expansion bounded."""
    import yaml

    from aslint.core.jsonparse import ParseError
    from aslint.core.yamlparse import safe_data

    try:
        return safe_data(text)
    except ParseError as err:
        raise ConfigError(f"{where}: {err.message}") from None
    except yaml.YAMLError as err:
        raise ConfigError(f"{where}: invalid YAML: {err}") from None
    except (RecursionError, ValueError) as err:
        raise ConfigError(f"{where}: the configuration cannot be read ({type(err).__name__})") from None


def apply(settings: Settings, raw: dict, source: str, base_dir: str) -> Settings:
    """Validate ``raw`` (keys, types, codes) and copy it onto ``settings``."""
    from aslint.core.nearest import close_matches

    for key, value in raw.items():
        if key not in KEYS:
            near = close_matches(str(key), KEYS, n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            raise ConfigError(f"{source}: unknown setting '{key}'{hint}; known: {', '.join(sorted(KEYS))}")
        if not isinstance(value, KEYS[key]):
            raise ConfigError(f"{source}: '{key}' must be a {KEYS[key].__name__}, not {type(value).__name__}")
    from pathlib import Path

    base = Path(base_dir)
    if "select" in raw:
        settings.select = [str(x) for x in raw["select"]]
    settings.extend_select += [str(x) for x in raw.get("extend-select", [])]
    settings.ignore += [str(x) for x in raw.get("ignore", [])]
    for pattern, codes in raw.get("per-file-ignores", {}).items():
        if not isinstance(codes, list):
            codes = [codes]
        settings.per_file_ignores[str(pattern)] = [str(c) for c in codes]
    for code, level in raw.get("severity", {}).items():
        if level not in SEVERITIES:
            raise ConfigError(f"{source}: severity of {code} must be one of {', '.join(SEVERITIES)}, not {level!r}")
        settings.severity[str(code)] = level
    for code, options in raw.get("rules", {}).items():
        if not isinstance(options, dict):
            raise ConfigError(f"{source}: rules.{code} must be a table of options")
        settings.rule_options[str(code)] = dict(options)
    if "fail-on" in raw:
        if raw["fail-on"] not in SEVERITIES:
            raise ConfigError(f"{source}: fail-on must be one of {', '.join(SEVERITIES)}")
        settings.fail_on = raw["fail-on"]
    if "exclude" in raw:
        settings.exclude = [str(x) for x in raw["exclude"]]
    settings.extend_exclude += [str(x) for x in raw.get("extend-exclude", [])]
    settings.extra_rules += [str(base / x) for x in raw.get("extra-rules", [])]
    for pattern, files in raw.get("role-policies", {}).items():
        files = files if isinstance(files, list) else [files]
        settings.role_policies[str(pattern)] = [str(base / f) for f in files]
    for key in ("account", "region", "role-arn"):
        if key in raw:
            setattr(settings, key.replace("-", "_"), str(raw[key]))
    return settings


def validate_codes(settings: Settings, known: set, source: str):
    """Every selector must name a known code or prefix of one."""
    def check(selectors, what):
        for s in selectors or ():
            if s != "ALL" and not any(code.startswith(s) for code in known):
                raise ConfigError(f"{source}: {what} names '{s}', which is no rule code or prefix of one (see 'aslint rules')")

    check(settings.select, "select")
    check(settings.extend_select, "extend-select")
    check(settings.ignore, "ignore")
    for pattern, codes in settings.per_file_ignores.items():
        check(codes, f"per-file-ignores['{pattern}']")
    for code in settings.severity:
        if code not in known:
            raise ConfigError(f"{source}: severity names unknown rule '{code}'")
    for code in settings.rule_options:
        if code not in known:
            raise ConfigError(f"{source}: rules names unknown rule '{code}'")
