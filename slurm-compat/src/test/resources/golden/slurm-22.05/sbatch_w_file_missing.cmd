sbatch -w ./no/such/file --wrap=true
