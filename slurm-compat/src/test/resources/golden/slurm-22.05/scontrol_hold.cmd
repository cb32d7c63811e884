scontrol hold 89
