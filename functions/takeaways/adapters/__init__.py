"""The only modules that talk to AWS: small, with narrow interfaces, clients created once."""
