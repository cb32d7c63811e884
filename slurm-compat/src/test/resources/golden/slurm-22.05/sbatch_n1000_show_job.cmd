scontrol show job 61
