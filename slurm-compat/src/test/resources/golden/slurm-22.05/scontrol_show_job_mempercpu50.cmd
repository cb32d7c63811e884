scontrol show job 80
