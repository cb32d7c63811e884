scontrol show job 88
