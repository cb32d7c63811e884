sbatch --kill-on-invalid-dep=maybe --wrap=true
