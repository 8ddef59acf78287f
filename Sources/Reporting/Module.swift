// Reporting: the module's sources land here (see Docs/architecture.md). Delete this file once the module has real sources.
