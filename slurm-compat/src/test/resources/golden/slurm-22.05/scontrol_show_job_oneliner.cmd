scontrol show job -o 86
