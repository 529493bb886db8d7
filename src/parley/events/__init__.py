"""Events: who did what to whom, when and where, in CAMEO and PLOVER."""
