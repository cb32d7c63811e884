scontrol release 999999
