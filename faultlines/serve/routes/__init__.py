"""One router per page group; each page at ``/X`` has its JSON twin at ``/api/X``."""
