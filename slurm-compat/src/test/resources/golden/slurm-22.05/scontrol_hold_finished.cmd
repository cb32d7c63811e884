scontrol hold 52
