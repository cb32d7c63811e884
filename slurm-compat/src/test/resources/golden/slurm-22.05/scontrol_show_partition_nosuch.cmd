scontrol show partition nosuch
