"""Output formats: text (default), json, github, sarif. Each has ``render(report) -> str``."""

FORMATS = ("text", "json", "github", "sarif")


def render(fmt: str, report) -> str:
    import importlib

    return importlib.import_module(f"aslint.output.{fmt}_format").render(report)
