scontrol release 52
