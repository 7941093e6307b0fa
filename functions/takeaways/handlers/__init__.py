"""Lambda entry points: parse the event, call a stage, report batch failures. Nothing else."""
