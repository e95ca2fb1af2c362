"""`respub serve`: the current release as dereferenceable linked data, a SPARQL 1.1 endpoint
and full-text search (`respub.serve.app.create_app`)."""
