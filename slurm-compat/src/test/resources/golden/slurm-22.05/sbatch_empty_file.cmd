: > empty.sh; sbatch empty.sh
