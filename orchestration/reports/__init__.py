"""Reports stage: an HTML page per article and a corpus dashboard, written next to the warehouse."""
