scontrol show job 90
