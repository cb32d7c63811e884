sbatch nosuchfile.sh
