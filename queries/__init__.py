"""The named SPARQL queries of kg (`kg query NAME`), installed as `kg.queries`."""
