sbatch --test-only -d afterok:abc --wrap=true
