scontrol show job 79
