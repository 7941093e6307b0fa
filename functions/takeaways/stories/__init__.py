"""Stories: recognising the same story when it arrives again, re-uploaded or from another outlet."""
