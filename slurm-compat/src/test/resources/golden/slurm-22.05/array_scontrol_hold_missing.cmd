scontrol hold 417_9
