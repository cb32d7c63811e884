scontrol uhold 89
