scontrol show job 77
