scontrol --version
