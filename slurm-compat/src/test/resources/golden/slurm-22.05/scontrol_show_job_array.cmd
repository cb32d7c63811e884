scontrol show job 69
