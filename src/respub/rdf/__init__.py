"""respub as linked data: IRIs, vocabulary, mapping from the model, serialization."""
