scontrol release 89
