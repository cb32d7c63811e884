scontrol hold 88
