sbatch --test-only -c 17 --wrap=true
