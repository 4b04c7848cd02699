"""The OWL ontology and SHACL shapes of kg, installed as the package `kg.ontology`."""
