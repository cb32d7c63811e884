sbatch -d afterok:abc --wrap=true
