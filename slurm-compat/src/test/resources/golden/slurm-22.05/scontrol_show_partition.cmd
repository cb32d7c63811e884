scontrol show partition
