"""Resolution: decide which catalogued actor a name in a text stands for, and when."""
