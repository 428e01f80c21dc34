"""The core: documents and positions, parsing, embedded documents, the kind plug-in interface,
the engine and its run, rules and findings, fixes, configuration. It imports no family."""
