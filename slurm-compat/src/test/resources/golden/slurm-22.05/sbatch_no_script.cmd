sbatch -J x < /dev/null
