"""The cross-article stage: claims, contested claims, timelines, source profiles, the
alliance network and syndicated copies, built from stored statements."""
