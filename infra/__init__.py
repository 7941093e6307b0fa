"""The local runner: template.yaml brought up on moto, and its event source mappings driven."""
