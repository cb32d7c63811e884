sinfo --version
