scontrol show job 65
